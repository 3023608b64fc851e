// The signed-in person's API tokens for GIS clients (QGIS, GDAL, scripts): list, create, revoke. A new
// token is shown once, with a Copy button; the server keeps only its hash.
import { dom } from "../dom.js";
import { format } from "../format.js";

function state(token, now = Date.now()) {
  if (token.revokedAt) return { key: "revoked", label: `Revoked ${format.dateTime(token.revokedAt)}` };
  if (new Date(token.expiresAt).getTime() < now) return { key: "expired", label: "Expired" };
  return { key: "in-force", label: "Active" };
}

export class TokenPanel {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
  }

  async start() {
    this.element.replaceChildren();
    dom.el("p", "muted", this.element, "A token lets QGIS, GDAL or a script read what you may read, as you, without your "
      + "password. Send it as the header Authorization: Bearer <token>. Revoke tokens you no longer use.");
    const form = dom.el("form", "form-inline", this.element);
    form.id = "token-form";
    form.setAttribute("aria-label", "New API token");
    const name = dom.field(form, { id: "token-name", name: "name", label: "Token name", required: true,
      attrs: { placeholder: "e.g. QGIS on my laptop", maxlength: "100", autocomplete: "off" } });
    dom.field(form, { id: "token-days", name: "days", label: "Valid for (days)", type: "number", value: "90",
      attrs: { min: "1", max: "365", inputmode: "numeric" } });
    const actions = dom.el("div", "actions", form);
    const submit = dom.button(actions, "Create token", { className: "button button-primary", type: "submit" });
    this.feedback = dom.el("div", "form-feedback", this.element);
    this.feedback.setAttribute("aria-live", "polite");
    this.list = dom.el("div", "", this.element);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const created = await this.api.send("POST", "/api/me/tokens", { name: name.value.trim(), days: Number(form.elements.days.value) || null });
        this._showOnce(created);
        name.value = "";
        await this.load();
      } catch (error) {
        dom.message(this.feedback, "error", error.message);
      } finally {
        submit.disabled = false;
      }
    });
    await this.load();
  }

  async load() {
    this.list.dataset.state = "loading";
    try {
      const tokens = await this.api.getJson("/api/me/tokens");
      this.list.replaceChildren();
      dom.table(this.list, {
        caption: "Your tokens",
        empty: "You have no API tokens.",
        rows: [...tokens].reverse(),
        rowAttrs: (t) => ({ "data-id": String(t.id) }),
        columns: [
          { label: "Name", cell: (t) => t.name },
          { label: "Created", cell: (t) => format.dateTime(t.createdAt) },
          { label: "Expires", cell: (t) => format.dateTime(t.expiresAt) },
          { label: "State", cell: (t) => { const s = state(t); const b = document.createElement("span"); dom.badge(b, s.label, s.key); return b; } },
          { label: "", cell: (t) => (state(t).key === "in-force" ? dom.button(null, "Revoke", { className: "button button-small button-danger",
            onClick: () => this._revoke(t) }) : "") },
        ],
      });
      this.list.dataset.state = "ready";
    } catch (error) {
      this.list.dataset.state = "error";
      dom.message(this.list, "error", `Could not load your tokens: ${error.message}`);
    }
  }

  async _revoke(token) {
    try {
      await this.api.send("DELETE", `/api/me/tokens/${token.id}`);
      dom.message(this.feedback, "success", `Token "${token.name}" revoked.`);
      await this.load();
    } catch (error) {
      dom.message(this.feedback, "error", `Could not revoke the token: ${error.message}`);
    }
  }

  _showOnce({ name, token, expiresAt }) {
    const box = dom.message(this.feedback, "success", `Token "${name}" created; it expires ${format.dateTime(expiresAt)}.`);
    const row = dom.el("div", "token-once", box);
    const label = dom.el("label", "visually-hidden", row, "Your new token");
    const input = dom.el("input", "input token-value", row);
    Object.assign(input, { id: "token-value", readOnly: true, value: token, spellcheck: false });
    label.htmlFor = input.id;
    const copy = dom.button(row, "Copy", { className: "button button-small" });
    copy.addEventListener("click", async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(token);
        copy.textContent = "Copied";
      } catch {
        copy.textContent = "Press Ctrl+C to copy";
      }
    });
    dom.el("p", "small", box, "Copy it now: it will not be shown again.");
    input.focus();
    input.select();
  }
}
