// User accounts: the list (partner, role, enabled) with role changes and enable/disable in place, a form
// to add a user, and one to reset a password. Administrators cannot disable or demote themselves here,
// so the partnership is never left without a way in.
import { dom } from "../dom.js";
import { format } from "../format.js";
import { governance } from "../governance.js";

export class UsersPanel {
  constructor(element, { api, session }) {
    Object.assign(this, { element, api, session });
    this.users = [];
    this._build();
  }

  _build() {
    dom.el("h2", "card-title", this.element, "Users");
    dom.el("p", "muted", this.element, "Each user belongs to one partner and has one role. What they may see of a "
      + "partner's data comes from the sharing agreements.");
    this.feedback = dom.el("div", "form-feedback", this.element);
    this.feedback.setAttribute("aria-live", "polite");
    this.list = dom.el("div", "", this.element);
    const forms = dom.el("div", "form-columns", this.element);
    this._createForm(dom.el("section", "subsection", forms));
    this._passwordForm(dom.el("section", "subsection", forms));
  }

  _createForm(section) {
    dom.el("h3", "", section, "Add a user");
    const form = dom.el("form", "form-grid", section);
    form.id = "user-form";
    form.setAttribute("aria-label", "Add a user");
    dom.field(form, { id: "user-username", name: "username", label: "User name", required: true,
      hint: "3 to 100 characters: lower-case letters, digits and . _ @ + -", attrs: { autocomplete: "off", autocapitalize: "none", spellcheck: "false" } });
    dom.field(form, { id: "user-display-name", name: "displayName", label: "Full name", attrs: { autocomplete: "off" } });
    this.partner = dom.field(form, { id: "user-partner", name: "partnerId", label: "Partner", tag: "select", required: true });
    dom.options(dom.field(form, { id: "user-role", name: "role", label: "Role", tag: "select" }), governance.ROLES, { selected: "analyst" });
    dom.field(form, { id: "user-password", name: "password", label: "Password", type: "password", required: true,
      hint: "At least 12 characters. Give it to the person by a secure route; they cannot see it here again.",
      attrs: { autocomplete: "new-password", minlength: "12" } }).closest(".field").classList.add("span-2");
    const actions = dom.el("div", "actions span-2", form);
    const submit = dom.button(actions, "Add user", { className: "button button-primary", type: "submit" });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const f = Object.fromEntries(new FormData(form));
      this._act(submit, () => this.api.send("POST", "/api/admin/users", { username: f.username.trim(),
        displayName: f.displayName.trim() || null, partnerId: f.partnerId ? Number(f.partnerId) : null, role: f.role,
        password: f.password }), (created) => {
        form.elements.username.value = form.elements.displayName.value = form.elements.password.value = "";
        return `User "${created.username}" added.`;
      });
    });
  }

  _passwordForm(section) {
    dom.el("h3", "", section, "Reset a password");
    const form = dom.el("form", "form-grid", section);
    form.id = "password-form";
    form.setAttribute("aria-label", "Reset a password");
    this.resetUser = dom.field(form, { id: "reset-user", name: "user", label: "User", tag: "select", required: true });
    dom.field(form, { id: "reset-password", name: "password", label: "New password", type: "password", required: true,
      hint: "At least 12 characters.", attrs: { autocomplete: "new-password", minlength: "12" } });
    const submit = dom.button(dom.el("div", "actions span-2", form), "Set password", { className: "button", type: "submit" });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const user = this.users.find((u) => String(u.id) === form.elements.user.value);
      if (!user) return;
      this._act(submit, () => this.api.send("PATCH", `/api/admin/users/${user.id}`, { password: form.elements.password.value }), () => {
        form.elements.password.value = "";
        return `Password of "${user.username}" changed.`;
      });
    });
  }

  // Runs a change, shows its outcome (or the server's problem detail, undoing the control), then reloads.
  async _act(control, change, success, undo = () => {}) {
    control.disabled = true;
    try {
      const result = await change();
      dom.message(this.feedback, "success", success(result));
      await this.show();
    } catch (error) {
      undo();
      dom.message(this.feedback, "error", error.message);
    } finally {
      control.disabled = false;
    }
  }

  async show() {
    this.list.dataset.state = "loading";
    dom.message(this.list, "loading", "Loading users…");
    try {
      const [users, partners] = await Promise.all([this.api.getJson("/api/admin/users"), this.api.getJson("/api/admin/partners")]);
      this.users = users;
      const chosen = this.partner.value;
      dom.options(this.partner, partners.map((p) => ({ key: p.id, label: p.name })), { empty: "Choose a partner", selected: chosen });
      dom.options(this.resetUser, users.map((u) => ({ key: u.id, label: `${u.username} (${u.partnerName})` })), { empty: "Choose a user" });
      this._table(users);
      this.list.dataset.state = "ready";
    } catch (error) {
      this.list.dataset.state = "error";
      dom.message(this.list, "error", `Could not load the users: ${error.message}`);
    }
  }

  _table(users) {
    this.list.replaceChildren();
    dom.table(this.list, {
      caption: `${users.length} users`,
      rows: users,
      rowAttrs: (u) => ({ "data-username": u.username, "data-enabled": String(u.enabled) }),
      columns: [
        { label: "User name", cell: (u) => u.username },
        { label: "Full name", cell: (u) => u.displayName },
        { label: "Partner", cell: (u) => u.partnerName },
        { label: "Role", cell: (u) => this._role(u) },
        { label: "Account", cell: (u) => this._enabled(u) },
        { label: "Created", cell: (u) => format.dateTime(u.createdAt) },
      ],
    });
  }

  _role(user) {
    const select = dom.options(document.createElement("select"), governance.ROLES, { selected: user.role });
    select.className = "select select-small";
    select.setAttribute("aria-label", `Role of ${user.username}`);
    select.disabled = user.username === this.session.username;
    select.addEventListener("change", () => this._act(select, () => this.api.send("PATCH", `/api/admin/users/${user.id}`,
      { role: select.value }), () => `Role of "${user.username}" is now ${governance.roleLabel(select.value)}.`,
      () => { select.value = user.role; }));
    return select;
  }

  _enabled(user) {
    const box = document.createElement("div");
    box.className = "cell-actions";
    dom.badge(box, user.enabled ? "Enabled" : "Disabled", user.enabled ? "in-force" : "withdrawn");
    if (user.username !== this.session.username) {
      const toggle = dom.button(box, user.enabled ? "Disable" : "Enable", { className: "button button-small" });
      toggle.setAttribute("aria-label", `${user.enabled ? "Disable" : "Enable"} ${user.username}`);
      toggle.addEventListener("click", () => this._act(toggle, () => this.api.send("PATCH", `/api/admin/users/${user.id}`,
        { enabled: !user.enabled }), () => `"${user.username}" is now ${user.enabled ? "disabled" : "enabled"}.`));
    }
    return box;
  }
}
