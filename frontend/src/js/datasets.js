// Wiring only: the datasets page (catalogue, one dataset's details and agreements, API tokens).
// The chosen dataset is kept in the address (?dataset=10) so it can be linked to and reloaded.
import { api } from "./api.js";
import { signedInPage } from "./header/signedInPage.js";
import { DatasetCatalogue } from "./datasets/DatasetCatalogue.js";
import { DatasetDetails } from "./datasets/DatasetDetails.js";
import { TokenPanel } from "./datasets/TokenPanel.js";

const session = await signedInPage();
const details = new DatasetDetails(document.getElementById("dataset"), { api, session });
const catalogue = new DatasetCatalogue(document.getElementById("catalogue"), {
  api,
  onSelect(id) {
    catalogue.mark(id);
    const url = new URL(location.href);
    url.searchParams.set("dataset", String(id));
    url.hash = "";
    history.replaceState(null, "", url);
    details.show(id).then(() => document.getElementById("dataset").scrollIntoView({ block: "start" }));
  },
});

const tokens = new TokenPanel(document.getElementById("token-panel"), { api });
const loaded = await catalogue.load();
const chosen = new URLSearchParams(location.search).get("dataset");
if (loaded && chosen && catalogue.entry(chosen)) {
  catalogue.mark(chosen);
  details.show(chosen);
}
await tokens.start();
if (location.hash === "#tokens") document.getElementById("tokens").scrollIntoView({ block: "start" });
document.body.dataset.state = loaded ? "ready" : "error";
