// Wiring only: the upload wizard. Anyone but a data manager is told so, and the page asks the upload
// API nothing (its answer would only be 403). ?dataset=12 preselects "a new version of" dataset 12.
import { api } from "./api.js";
import { governance } from "./governance.js";
import { signedInPage } from "./header/signedInPage.js";
import { UploadWizard } from "./upload/UploadWizard.js";

const session = await signedInPage();
document.getElementById("upload-loading").hidden = true;

if (session.role !== "data-manager") {
  document.getElementById("upload-refused-who").textContent = `You are signed in as ${session.displayName || session.username} `
    + `(${governance.roleLabel(session.role)}, ${session.partner}).`;
  document.getElementById("upload-refused").hidden = false;
  document.body.dataset.state = "refused";
} else {
  const wizard = new UploadWizard(document.getElementById("wizard"), {
    api,
    session,
    datasetId: new URLSearchParams(location.search).get("dataset"),
  });
  wizard.start();
  document.body.dataset.state = "ready";
}
