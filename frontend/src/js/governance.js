// Words and rules for information governance screens: access levels, geographies, roles, an agreement's
// state, who may change a dataset's agreements, and the agreement request the API expects. Pure.
import { format } from "./format.js";

const ACCESS_LEVELS = [
  { key: "record", label: "Record level", help: "individual records and exact counts" },
  { key: "aggregate", label: "Aggregate", help: "counts by area, small numbers adjusted to protect people" },
  { key: "public", label: "Public", help: "counts with the strictest suppression and rounding" },
  { key: "metadata", label: "Metadata only", help: "that the dataset exists and its agreements; no data" },
];
const GEOGRAPHIES = [
  { key: "lsoa", label: "LSOA" },
  { key: "msoa", label: "MSOA" },
  { key: "ward", label: "Ward" },
  { key: "district", label: "District" },
];
const ROLES = [
  { key: "admin", label: "Administrator" },
  { key: "data-manager", label: "Data manager" },
  { key: "analyst", label: "Analyst" },
  { key: "officer", label: "Officer" },
  { key: "viewer", label: "Viewer" },
];
const PARTNER_KINDS = [
  { key: "police", label: "Police" },
  { key: "council", label: "Council" },
  { key: "nhs", label: "NHS" },
  { key: "school-trust", label: "School trust" },
  { key: "fire", label: "Fire and rescue" },
  { key: "voluntary", label: "Voluntary sector" },
  { key: "other", label: "Other" },
];
const AUDIT_ACTIONS = ["login", "login-failed", "logout", "record-access", "aggregate-access", "export", "upload",
  "agreement-change", "account-change", "denied"];
const AUDIT_OUTCOMES = ["allowed", "denied", "failed"];

const labelOf = (list, key) => list.find((item) => item.key === key)?.label ?? (key ?? "—");

// Today as YYYY-MM-DD in the reader's calendar.
function isoDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function addMonths(date, months) {
  const copy = new Date(date.getFullYear(), date.getMonth() + months, date.getDate());
  return copy;
}

// "Aggregate · LSOA and larger areas · small numbers adjusted to protect people", from the datasets API's access.
function accessSummary(access) {
  if (!access) return "No access";
  const parts = [labelOf(ACCESS_LEVELS, access.level)];
  if (access.minGeography && access.level !== "metadata") parts.push(`${labelOf(GEOGRAPHIES, access.minGeography)} and larger areas`);
  if (access.disclosure === "cell-key") {
    const rounded = Number(access.roundedTo) > 1 ? `, rounded to ${access.roundedTo}` : "";
    parts.push(`small numbers adjusted to protect people${rounded}`);
  }
  return parts.join(" · ");
}

// in-force | withdrawn | expired | not-started, with words; the server's inForce decides "in force".
function agreementStatus(agreement, today = isoDay(new Date())) {
  if (agreement?.withdrawnAt) return { key: "withdrawn", label: `Withdrawn ${format.date(agreement.withdrawnAt)}` };
  if (agreement?.inForce) return { key: "in-force", label: "In force" };
  if (agreement?.expiryDate && agreement.expiryDate < today) return { key: "expired", label: `Expired ${format.date(agreement.expiryDate)}` };
  if (agreement?.startDate && agreement.startDate > today) return { key: "not-started", label: `Starts ${format.date(agreement.startDate)}` };
  return { key: "not-in-force", label: "Not in force" };
}

// Administrators, and the owner partner's data managers, may withdraw a (non-open) dataset's agreements.
function mayGovern(session, dataset) {
  if (!session?.authenticated || !dataset || dataset.openData) return false;
  if (session.role === "admin") return true;
  return session.role === "data-manager" && session.partnerId != null && session.partnerId === dataset.ownerPartnerId;
}

// Only the owner partner's data managers make agreements (separation of duties: an administrator could
// otherwise grant themselves record access).
function mayMakeAgreements(session, dataset) {
  return mayGovern(session, dataset) && session.role === "data-manager";
}

function defaultDates(today = new Date()) {
  const expiry = addMonths(today, 12);
  expiry.setDate(expiry.getDate() - 1);
  return { startDate: isoDay(today), reviewDate: isoDay(addMonths(today, 6)), expiryDate: isoDay(expiry) };
}

// The body of POST /api/datasets/{id}/agreements from the form's fields (strings).
function agreementRequest(fields) {
  const text = (value) => (value ?? "").trim();
  const recipient = {
    partnerId: text(fields.partnerId) ? Number(fields.partnerId) : null,
    role: text(fields.role) || null,
    accessLevel: text(fields.accessLevel),
    minGeography: text(fields.minGeography) || null,
  };
  return {
    title: text(fields.title),
    purpose: text(fields.purpose),
    legalBasis: text(fields.legalBasis),
    startDate: text(fields.startDate) || null,
    reviewDate: text(fields.reviewDate) || null,
    expiryDate: text(fields.expiryDate) || null,
    recipients: [recipient],
  };
}

// A recipient in words: "Wirral Council · analysts" or "all analysts".
function recipientName(recipient) {
  const role = recipient.role ? `${labelOf(ROLES, recipient.role).toLowerCase()}s` : null;
  if (recipient.role === "public") return "The public";
  if (recipient.partner && role) return `${recipient.partner} · ${role}`;
  return recipient.partner ?? (role ? `All ${role}` : "—");
}

export const governance = {
  ACCESS_LEVELS,
  GEOGRAPHIES,
  ROLES,
  PARTNER_KINDS,
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  isoDay,
  levelLabel: (key) => labelOf(ACCESS_LEVELS, key),
  levelHelp: (key) => ACCESS_LEVELS.find((l) => l.key === key)?.help ?? "",
  geographyLabel: (key) => labelOf(GEOGRAPHIES, key),
  roleLabel: (key) => labelOf(ROLES, key),
  kindLabel: (key) => labelOf(PARTNER_KINDS, key),
  accessSummary,
  agreementStatus,
  mayGovern,
  mayMakeAgreements,
  defaultDates,
  agreementRequest,
  recipientName,
};
