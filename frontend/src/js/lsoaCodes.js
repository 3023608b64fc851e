// LSOA codes in pasted or uploaded text (a column of a CSV, a list, codes among other words): each code once,
// upper case, in the order first seen. A code is a letter and eight digits (E01006512, W01000001).
export function lsoaCodes(text) {
  const codes = String(text ?? "").toUpperCase().match(/\b[A-Z]\d{8}\b/g) ?? [];
  return [...new Set(codes)];
}
