// The sign-in form: fetches the session first (which also sets the XSRF-TOKEN cookie the sign-in POST
// must echo), then posts the user name and password. The server gives one message for every failure
// (wrong password, unknown user, disabled account), and the form shows just that, so nothing here tells
// a stranger which user names exist. Reports its state in body[data-state] for the browser tests.
export class SignInForm {
  constructor(form, { api, notice, onSignedIn = () => location.assign("/"), setState = () => {} }) {
    Object.assign(this, { form, api, notice, onSignedIn, setState });
    this.username = form.elements.username;
    this.password = form.elements.password;
    this.submit = form.querySelector("button[type='submit']");
    this.error = form.querySelector(".form-error");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this._signIn();
    });
  }

  // signedOut: arrived from Sign out; failed: a plain form post (or single sign-on) was turned away.
  async start({ signedOut = false, failed = false } = {}) {
    if (signedOut) this._notice("You have signed out. Sign in again to continue.");
    if (failed) this._fail("Sign-in failed. Check your user name and password, or ask your administrator.");
    try {
      const session = await this.api.session();
      if (session.authenticated) {
        this.onSignedIn();
        return;
      }
      this.submit.disabled = false;
      if (!failed) this.setState("ready");
      this.username.focus();
    } catch (error) {
      this._fail(`Patchwork could not be reached: ${error.message}. Reload the page to try again.`);
      this.submit.disabled = true;
    }
  }

  async _signIn() {
    const username = this.username.value.trim();
    const password = this.password.value;
    if (!username || !password) {
      this._fail("Enter your user name and your password.");
      (username ? this.password : this.username).focus();
      return;
    }
    this._busy(true);
    this.error.hidden = true;
    try {
      await this.api.signIn(username, password);
      this.setState("signed-in");
      this.onSignedIn();
    } catch (error) {
      this._busy(false);
      this.password.value = "";
      this._fail(error.status === 401 ? error.message : `Could not sign in: ${error.message}`);
      this.password.focus();
    }
  }

  _busy(busy) {
    this.submit.disabled = busy;
    this.submit.textContent = busy ? "Signing in…" : "Sign in";
    this.form.setAttribute("aria-busy", String(busy));
    if (busy) this.setState("signing-in");
  }

  _fail(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.setState("failed");
  }

  _notice(text) {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }
}
