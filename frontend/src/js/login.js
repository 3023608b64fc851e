// Wiring only: the sign-in page.
import { api } from "./api.js";
import { SignInForm } from "./login/SignInForm.js";

const params = new URLSearchParams(location.search);
const form = new SignInForm(document.getElementById("sign-in"), {
  api,
  notice: document.getElementById("sign-in-notice"),
  setState: (state) => { document.body.dataset.state = state; },
});
form.start({ signedOut: params.has("signed-out"), failed: params.has("error") });
