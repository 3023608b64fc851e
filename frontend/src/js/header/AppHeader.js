// The header on every page, drawn here so that every page has the same one: the product name, the main
// navigation, who is signed in (name, partner, role), the links only some roles may use (Upload for data
// managers, Admin for administrators) and Sign out.
import { api } from "../api.js";
import { dom } from "../dom.js";
import { governance } from "../governance.js";

// The main navigation; a link with a role is shown only to that role.
export const NAV = [
  { href: "/", label: "Map" },
  { href: "/datasets.html", label: "Datasets" },
  { href: "/indicators.html", label: "Indicators" },
  { href: "/hotspots.html", label: "Hotspots" },
  { href: "/upload.html", label: "Upload", role: "data-manager" },
  { href: "/admin.html", label: "Admin", role: "admin" },
];

// Pages reached from another page's section are marked as being in it.
const SECTION = { "/index.html": "/", "/compare.html": "/indicators.html", "/profile.html": "/indicators.html" };

export class AppHeader {
  constructor(element, { onSignedOut = () => location.assign(`${api.SIGN_IN_PAGE}?signed-out`) } = {}) {
    this.element = element;
    this.onSignedOut = onSignedOut;
    this.render();
    this.user = element.querySelector(".app-user");
  }

  render() {
    const brand = dom.el("a", "app-brand", null);
    brand.href = "/";
    dom.el("span", "app-logo", brand).setAttribute("aria-hidden", "true");
    dom.el("span", "app-name", brand, "Patchwork");
    const nav = dom.el("nav", "app-nav", null);
    nav.setAttribute("aria-label", "Main");
    const here = SECTION[location.pathname] ?? location.pathname;
    for (const { href, label, role } of NAV) {
      const link = dom.el("a", "", nav, label);
      link.href = href;
      if (role) {
        link.dataset.role = role;
        link.hidden = true;
      }
      if (href === here) link.setAttribute("aria-current", "page");
    }
    const user = dom.el("div", "app-user", null);
    user.hidden = true;
    this.element.replaceChildren(brand, dom.el("p", "app-tagline", null, "Neighbourhood information"), nav, user);
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
