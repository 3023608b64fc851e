package org.patchwork.uploads;

/**
 * Report cells a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return,
 * the OWASP "CSV injection" list) get a leading apostrophe, so a partner's file cannot make the person
 * opening its report in Excel or LibreOffice run a formula or follow a link.
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    static Object neutralised(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
