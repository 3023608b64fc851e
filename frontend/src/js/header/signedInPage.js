// Every page starts here: ask who is signed in (GET /api/session answers 200 either way, so nothing
// fails in the console), fill the header, and send a signed-out visitor to the sign-in page.
import { api } from "../api.js";
import { AppHeader } from "./AppHeader.js";

export async function signedInPage({ allowAnonymous = false } = {}) {
  const header = new AppHeader(document.querySelector(".app-header"));
  const session = await api.session();
  if (!session.authenticated && !(allowAnonymous && session.publicTier)) {
    location.replace(api.SIGN_IN_PAGE);
    return new Promise(() => {});   // the page is being left; nothing more should run
  }
  header.show(session);
  document.body.dataset.role = session.role ?? "anonymous";
  return session;
}
