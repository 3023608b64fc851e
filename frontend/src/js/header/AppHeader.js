// The header on every page: who is signed in (name, partner, role), the links only some roles may use
// (Upload for data managers, Admin for administrators; marked data-role in the HTML), and Sign out.
// The product name and the links are in each page's HTML already.
import { api } from "../api.js";
import { dom } from "../dom.js";
import { governance } from "../governance.js";

export class AppHeader {
  constructor(element, { onSignedOut = () => location.assign(`${api.SIGN_IN_PAGE}?signed-out`) } = {}) {
    this.element = element;
    this.onSignedOut = onSignedOut;
    this.user = element.querySelector(".app-user");
    this.markCurrentPage();
  }

  markCurrentPage() {
    const here = location.pathname === "/index.html" ? "/" : location.pathname;
    for (const link of this.element.querySelectorAll(".app-nav a")) {
      if (link.getAttribute("href") === here) link.setAttribute("aria-current", "page");
    }
  }

  show(session) {
    for (const link of this.element.querySelectorAll(".app-nav [data-role]")) {
      link.hidden = !session.authenticated || session.role !== link.dataset.role;
    }
    this.user.replaceChildren();
    this.user.hidden = false;
    if (!session.authenticated) {
      dom.el("a", "header-button", this.user, "Sign in").href = api.SIGN_IN_PAGE;
      return;
    }
    const who = dom.el("div", "app-user-who", this.user);
    dom.el("span", "app-user-name", who, session.displayName || session.username);
    const meta = [session.partner, governance.roleLabel(session.role)].filter(Boolean).join(" · ");
    dom.el("span", "app-user-meta", who, meta);
    const tokens = dom.el("a", "app-user-link", this.user, "API tokens");
    tokens.href = "/datasets.html#tokens";
    const signOut = dom.button(this.user, "Sign out", { className: "header-button" });
    signOut.dataset.action = "sign-out";
    signOut.addEventListener("click", () => this._signOut(signOut));
  }

  async _signOut(button) {
    button.disabled = true;
    button.textContent = "Signing out…";
    try {
      await api.signOut();
      this.onSignedOut();
    } catch (error) {
      button.disabled = false;
      button.textContent = "Sign out";
      const problem = this.user.querySelector(".app-user-error") ?? dom.el("span", "app-user-error", this.user);
      problem.setAttribute("role", "alert");
      problem.textContent = `Could not sign out: ${error.message}`;
    }
  }
}
