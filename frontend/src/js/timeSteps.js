// The periods the time slider steps through for what the map shows, oldest first: an event dataset's months,
// or an area-statistics dataset's periods (from its last answer); nothing for deprivation. current is the
// period shown when it is a single one (else null, and span says what is shown instead). Pure.
import { crime } from "./crime.js";
import { format } from "./format.js";
import { statistics } from "./statistics.js";

// theme: the picker's theme; choice: the picker's value; answer: the last statistics answer drawn for it.
export function timeSteps(theme, choice, answer = null) {
  if (theme?.kind === "area-statistics") {
    const mine = answer && String(answer.datasetId ?? theme.dataset?.id) === String(theme.dataset?.id) ? answer : null;
    const periods = (mine?.periods ?? []).map((p) => ({ key: p, label: statistics.periodLabel(p) }));
    return { periods, current: choice?.statistics?.period ?? mine?.period ?? null, span: "" };
  }
  if (theme?.dataset && Array.isArray(theme.months)) {
    const { from = "", to = "" } = choice?.crime ?? {};
    const span = crime.period(from || null, to || null);
    return { periods: theme.months.map((m) => ({ key: m, label: format.month(m) })), current: from && from === to ? from : null,
      span: `${span[0].toUpperCase()}${span.slice(1)}` };
  }
  return { periods: [], current: null, span: "" };
}
