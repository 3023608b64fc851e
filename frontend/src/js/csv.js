// Reads RFC 4180 CSV text (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF), such
// as an upload job's row-level report. Pure.

// Every row as an array of fields; a trailing line break does not make an empty last row.
function rows(text) {
  const all = [];
  let row = [];
  let field = "";
  let quoted = false;
  const source = String(text ?? "");
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      all.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    all.push(row);
  }
  return all;
}

// The rows after the header as objects keyed by the header's names; `limit` stops early.
function records(text, { limit = Infinity } = {}) {
  const [header = [], ...body] = rows(text);
  return body.slice(0, limit).map((values) => Object.fromEntries(header.map((name, i) => [name, values[i] ?? ""])));
}

export const csv = { rows, records };
