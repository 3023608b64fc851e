// Small DOM builders for the pages without a map. Text always goes in through textContent (names and
// details come from data and from other people), never as HTML.

function el(tag, className, parent, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

// A labelled control: <div class="field"><label for=id>…</label><control id=id></div>.
function field(parent, { id, label, tag = "input", type, name, required = false, hint, value, attrs = {} }) {
  const row = el("div", "field", parent);
  const labelNode = el("label", "", row, label);
  labelNode.htmlFor = id;
  const control = el(tag, tag === "select" ? "select" : "input", row);
  control.id = id;
  control.name = name ?? id;
  if (type) control.type = type;
  if (required) control.required = true;
  for (const [key, v] of Object.entries(attrs)) control.setAttribute(key, v);
  if (hint) {
    const hintNode = el("p", "field-hint", row, hint);
    hintNode.id = `${id}-hint`;
    control.setAttribute("aria-describedby", hintNode.id);
  }
  if (value !== undefined) control.value = value;
  return control;
}

// Replaces a select's options: choices are [{ key, label }]; `empty` adds a first option with value "".
function options(select, choices, { empty, selected } = {}) {
  select.replaceChildren();
  if (empty !== undefined) select.add(new Option(empty, ""));
  for (const { key, label } of choices) {
    const chosen = String(key) === String(selected ?? "");
    select.add(new Option(label, String(key), chosen, chosen));
  }
  return select;
}

// A table with a caption, column headings and one row per item; `empty` is shown when there are none.
// columns: [{ label, cell: (row) => string | Node, className }]
function table(parent, { caption, columns, rows, empty = "Nothing to show.", className = "data-table", rowAttrs }) {
  if (rows.length === 0) return el("p", "empty-state", parent, empty);
  const wrap = el("div", "table-wrap", parent);
  const node = el("table", className, wrap);
  if (caption) el("caption", "", node, caption);
  const head = el("tr", "", el("thead", "", node));
  for (const column of columns) {
    const th = el("th", column.className ?? "", head, column.label);
    th.scope = "col";
  }
  const body = el("tbody", "", node);
  for (const row of rows) {
    const tr = el("tr", "", body);
    for (const [key, value] of Object.entries(rowAttrs?.(row) ?? {})) tr.setAttribute(key, value);
    for (const column of columns) {
      const td = el("td", column.className ?? "", tr);
      const value = column.cell(row);
      if (value instanceof Node) td.append(value);
      else td.textContent = value ?? "—";
    }
  }
  return node;
}

// A message box: kind is loading | error | empty | success | note. Errors are alerts for screen readers.
function message(parent, kind, text) {
  const box = el("div", `message message-${kind}`, null);
  box.dataset.kind = kind;
  if (kind === "error") box.setAttribute("role", "alert");
  if (kind === "loading") el("span", "spinner", box).setAttribute("aria-hidden", "true");
  el("span", "message-text", box, text);
  parent.replaceChildren(box);
  return box;
}

function button(parent, text, { className = "button", type = "button", onClick } = {}) {
  const node = el("button", className, parent, text);
  node.type = type;
  if (onClick) node.addEventListener("click", onClick);
  return node;
}

// A small coloured label, e.g. an access level or an agreement's state.
function badge(parent, text, kind) {
  const node = el("span", `badge badge-${kind}`, parent, text);
  return node;
}

export const dom = { el, field, options, table, message, button, badge };
