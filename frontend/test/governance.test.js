// Words and rules of the governance screens: access in words, an agreement's state, who may govern, and
// the request body the agreements API expects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { governance } from "../src/js/governance.js";

test("access is summarised with level, geography and the adjustment of small numbers", () => {
  assert.equal(governance.accessSummary({ level: "aggregate", minGeography: "lsoa", basis: "sharing agreement 1", disclosure: "cell-key", roundedTo: 1 }),
    "Aggregate · LSOA and larger areas · small numbers adjusted to protect people");
  assert.equal(governance.accessSummary({ level: "record", minGeography: "lsoa" }), "Record level · LSOA and larger areas");
  assert.equal(governance.accessSummary({ level: "metadata", basis: "administrator" }), "Metadata only");
  assert.equal(governance.accessSummary({ level: "public", minGeography: "ward", disclosure: "cell-key", roundedTo: 5 }),
    "Public · Ward and larger areas · small numbers adjusted to protect people, rounded to 5");
});

test("an agreement is in force, withdrawn, expired or not yet started", () => {
  const today = "2026-06-01";
  assert.equal(governance.agreementStatus({ inForce: true }, today).key, "in-force");
  assert.equal(governance.agreementStatus({ inForce: false, withdrawnAt: "2026-05-01T10:00:00Z" }, today).key, "withdrawn");
  assert.equal(governance.agreementStatus({ inForce: false, withdrawnAt: "2026-05-01T10:00:00Z" }, today).label, "Withdrawn 1 May 2026");
  assert.equal(governance.agreementStatus({ inForce: false, startDate: "2025-01-01", expiryDate: "2025-12-31" }, today).key, "expired");
  assert.equal(governance.agreementStatus({ inForce: false, startDate: "2026-07-01", expiryDate: "2027-06-30" }, today).label, "Starts 1 Jul 2026");
});

test("administrators and the owner's data managers may govern a partner dataset; nobody governs open data", () => {
  const police = { ownerPartnerId: 2, openData: false };
  assert.equal(governance.mayGovern({ authenticated: true, role: "admin", partnerId: 1 }, police), true);
  assert.equal(governance.mayGovern({ authenticated: true, role: "data-manager", partnerId: 2 }, police), true);
  assert.equal(governance.mayGovern({ authenticated: true, role: "data-manager", partnerId: 3 }, police), false);
  assert.equal(governance.mayGovern({ authenticated: true, role: "analyst", partnerId: 2 }, police), false);
  assert.equal(governance.mayGovern({ authenticated: true, role: "admin" }, { openData: true }), false);
  assert.equal(governance.mayGovern({ authenticated: false }, police), false);
});

test("only the owner's data managers make agreements; administrators may only withdraw them", () => {
  const police = { ownerPartnerId: 2, openData: false };
  assert.equal(governance.mayMakeAgreements({ authenticated: true, role: "admin", partnerId: 2 }, police), false);
  assert.equal(governance.mayMakeAgreements({ authenticated: true, role: "data-manager", partnerId: 2 }, police), true);
  assert.equal(governance.mayMakeAgreements({ authenticated: true, role: "data-manager", partnerId: 3 }, police), false);
  assert.equal(governance.mayMakeAgreements({ authenticated: true, role: "data-manager", partnerId: 2 }, { ...police, openData: true }), false);
});

test("the agreement request has one recipient and nulls for what was left empty", () => {
  const body = governance.agreementRequest({ title: " Crime for CSP ", purpose: "Strategic assessment", legalBasis: "CDA 1998 s.115",
    startDate: "2026-01-01", reviewDate: "", expiryDate: "2026-12-31", partnerId: "7", role: "", accessLevel: "aggregate", minGeography: "lsoa" });
  assert.deepEqual(body, { title: "Crime for CSP", purpose: "Strategic assessment", legalBasis: "CDA 1998 s.115",
    startDate: "2026-01-01", reviewDate: null, expiryDate: "2026-12-31",
    recipients: [{ partnerId: 7, role: null, accessLevel: "aggregate", minGeography: "lsoa" }] });
  assert.deepEqual(governance.agreementRequest({ role: "analyst", accessLevel: "public" }).recipients,
    [{ partnerId: null, role: "analyst", accessLevel: "public", minGeography: null }]);
});

test("default dates run a year from today with a review at six months", () => {
  assert.deepEqual(governance.defaultDates(new Date(2026, 0, 15)),
    { startDate: "2026-01-15", reviewDate: "2026-07-15", expiryDate: "2027-01-14" });
});

test("recipients, roles and kinds in words", () => {
  assert.equal(governance.recipientName({ partner: "Wirral Council", role: null }), "Wirral Council");
  assert.equal(governance.recipientName({ partner: "Wirral Council", role: "analyst" }), "Wirral Council · analysts");
  assert.equal(governance.recipientName({ partner: null, role: "data-manager" }), "All data managers");
  assert.equal(governance.roleLabel("data-manager"), "Data manager");
  assert.equal(governance.kindLabel("school-trust"), "School trust");
  assert.equal(governance.levelLabel("metadata"), "Metadata only");
});
