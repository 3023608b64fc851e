// Wiring only: the administration page. Anyone but an administrator is told so, and the page asks the
// admin API nothing (its answer would only be 403).
import { api } from "./api.js";
import { governance } from "./governance.js";
import { signedInPage } from "./header/signedInPage.js";
import { Tabs } from "./admin/Tabs.js";
import { PartnersPanel } from "./admin/PartnersPanel.js";
import { UsersPanel } from "./admin/UsersPanel.js";
import { AuditPanel } from "./admin/AuditPanel.js";
import { UsagePanel } from "./admin/UsagePanel.js";
import { AreaPanel } from "./admin/AreaPanel.js";

const session = await signedInPage();
document.getElementById("admin-loading").hidden = true;

if (session.role !== "admin") {
  document.getElementById("refused-who").textContent = `You are signed in as ${session.displayName || session.username} `
    + `(${governance.roleLabel(session.role)}, ${session.partner}).`;
  document.getElementById("admin-refused").hidden = false;
  document.body.dataset.state = "refused";
} else {
  const panels = {
    partners: new PartnersPanel(document.getElementById("panel-partners"), { api }),
    users: new UsersPanel(document.getElementById("panel-users"), { api, session }),
    audit: new AuditPanel(document.getElementById("panel-audit"), { api }),
    usage: new UsagePanel(document.getElementById("panel-usage"), { api }),
    area: new AreaPanel(document.getElementById("panel-area"), { api }),
  };
  document.getElementById("admin").hidden = false;
  const tabs = new Tabs(document.querySelector("#admin [role='tablist']"), { onShow: (key) => panels[key].show() });
  tabs.show(location.hash.slice(1) || "partners");
  document.body.dataset.state = "ready";
}
