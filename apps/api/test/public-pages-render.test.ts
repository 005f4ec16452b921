import { loadConfig } from "@baken/config";
import type { OwnerView } from "@baken/services";
import { describe, expect, it } from "vitest";
import { donePage, ownerPage, problemPage, type Cert } from "../src/routes/public/owner/views/index.ts";
import { renderReportForm } from "../src/routes/public/report/form-page/index.ts";

// The public pages' templates, rendered for a fixed set of inputs that reach every section and branch, and
// held to their snapshots byte for byte: a change to a template shows here as the exact HTML it changes.

const config = loadConfig({ NODE_ENV: "test" });
const noFiles = loadConfig({ NODE_ENV: "test", REPORT_MAX_FILES: "0" });

describe("the report form", () => {
  it("renders empty, in English", () => {
    expect(renderReportForm({ lang: "en", values: {}, problems: [], token: "tok-1" }, config)).toMatchSnapshot();
  });

  it("renders what was typed, its problems, a banner and dropped files, in French", () => {
    const page = renderReportForm(
      {
        lang: "fr",
        token: "tok-2",
        banner: "Formulaire expiré <b>",
        filesDropped: true,
        values: {
          reporterKind: ["company"],
          name: ['Jeanne "J" <Dupont>'],
          email: ["not-an-address"],
          relation: ["on-behalf"],
          rsitClass: ["intrusions"],
          rsitType: ["system-compromise"],
          startedAt: ["2026-01-02 10:00"],
          detectedAt: ["2026-01-03T11:30"],
          ongoing: ["unknown"],
          description: ["Ça a commencé <script>alert(1)</script>"],
          impact: ["data-stolen", "service-down"],
          othersInformed: ["police"],
          tlp: ["GREEN"],
          consent: ["yes"],
        },
        problems: [
          { field: "email", code: "email" },
          { field: "name", code: "too-long", max: 200 },
          { field: "name", code: "required" },
          { field: "startedAt", code: "date-order" },
          { field: "attachments", code: "file-size", file: "dump.pcap", max: 10 * 1024 * 1024 },
          { field: "consent", code: "required" },
        ],
      },
      config,
    );
    expect(page).toMatchSnapshot();
  });

  it("renders without the files section and with a notice reference, in Dutch", () => {
    const values = { noticeReference: ["BKN-2026-0001"], rsitClass: ["vulnerable"] };
    expect(renderReportForm({ lang: "nl", values, problems: [], token: "tok-3" }, noFiles)).toMatchSnapshot();
  });

  it("renders problems without a banner, in German", () => {
    const problems = [
      { field: "reporterKind", code: "required" },
      { field: "description", code: "required" },
      { field: "rsitType", code: "type-class" },
    ] as const;
    expect(
      renderReportForm({ lang: "de", values: { tlp: ["RED"] }, problems: [...problems], token: "tok-4" }, config),
    ).toMatchSnapshot();
  });
});

const cert: Cert = {
  name: "CERT Test",
  phone: "+32 2 123 45 67",
  website: "https://cert.test",
  email: "cert@cert.test",
};
const at = (iso: string) => new Date(iso);
const host = (id: number, over: Partial<OwnerView["hosts"][number]>): OwnerView["hosts"][number] => ({
  id,
  ip: `192.0.2.${id}`,
  port: 443,
  protocol: "https",
  hostname: null,
  state: "notified",
  firstSeenAt: at("2026-03-01T08:00:00Z"),
  lastSeenAt: at("2026-03-02T08:00:00Z"),
  goneAt: null,
  answer: null,
  answeredAt: null,
  compromise: null,
  ...over,
});

const view: OwnerView = {
  link: {
    noticeId: "7d3f3b8e-0000-4000-8000-000000000001",
    reference: "BKN-2026-0042",
    language: "en",
    campaignId: "7d3f3b8e-0000-4000-8000-000000000002",
    organizationId: "7d3f3b8e-0000-4000-8000-000000000003",
    expiresAt: at("2026-06-30T12:00:00Z"),
  },
  campaign: {
    name: "Exchange <ProxyLogon>",
    description: "Unpatched Exchange servers.",
    cves: ["CVE-2021-26855", "CVE-2021-27065"],
    tlp: "AMBER_STRICT",
    compromiseSince: at("2021-02-26T00:00:00Z"),
    advice: {
      en: {
        summary: "First paragraph.\n\nSecond & last.",
        actions: ["Patch.", "Look for web shells."],
        compromiseCheck: "Look for files written since {since}.",
        links: [{ label: "Vendor", url: "https://vendor.example/a" }, "https://vendor.example/b"],
      },
    },
  },
  organization: { name: "Example & Co" },
  hosts: [
    host(1, { hostname: "mail.example" }),
    host(2, { ip: null, port: null, protocol: null, hostname: "only-a-name.example" }),
    host(3, {
      ip: "2001:db8::3",
      answer: "patched",
      answeredAt: at("2026-03-01T12:00:00Z"),
      compromise: "yes",
      state: "remediated",
    }),
    host(4, { answer: "mitigated", answeredAt: at("2026-03-01T09:00:00Z"), lastSeenAt: at("2026-03-03T09:00:00Z") }),
    host(5, {
      state: "gone",
      goneAt: at("2026-03-04T10:00:00Z"),
      answer: "needs_help",
      answeredAt: at("2026-03-02T10:00:00Z"),
    }),
  ],
};

const ownerOpts = {
  cert,
  action: "/r/tok?lang=en",
  langHref: (l: string) => `/r/tok?lang=${l}`,
  form: { token: "form-token" },
};

describe("the owner's pages", () => {
  it("render the page with advice and every kind of host, in English", () => {
    expect(ownerPage({ ...ownerOpts, lang: "en", view })).toMatchSnapshot();
  });

  it("render the answer-for-all form's errors with what was typed, in French", () => {
    const posted = {
      scope: "all" as const,
      values: { answer: "patched", compromise: "no", comment: "Fait <vite>", betterContact: "x".repeat(10) },
      errors: [
        { field: "comment", code: "comment_too_long" as const },
        { field: "betterContact", code: "contact_too_long" as const },
        { field: "scope", code: "scope_invalid" as const },
      ],
    };
    expect(ownerPage({ ...ownerOpts, lang: "fr", view, posted })).toMatchSnapshot();
  });

  it("render the per-host form's errors with what was chosen, in German", () => {
    const posted = {
      scope: "hosts" as const,
      values: {
        "answer-1": "investigating",
        "compromise-1": "not_checked",
        "comment-4": "zu lang",
        betterContact: "a@b",
      },
      errors: [
        { field: "answer", code: "nothing_chosen" as const },
        { field: "answer-1", code: "answer_invalid" as const, hostId: 1 },
        { field: "comment-4", code: "comment_too_long" as const, hostId: 4 },
        { field: "betterContact", code: "contact_too_long" as const },
      ],
    };
    expect(ownerPage({ ...ownerOpts, lang: "de", view, posted })).toMatchSnapshot();
  });

  it("render a campaign without advice or hosts, in Dutch", () => {
    const bare: OwnerView = {
      ...view,
      campaign: { ...view.campaign, advice: null, cves: [], compromiseSince: null, tlp: "CLEAR" },
      hosts: [],
    };
    expect(ownerPage({ ...ownerOpts, lang: "nl", view: bare })).toMatchSnapshot();
    expect(
      ownerPage({ ...ownerOpts, lang: "nl", view: { ...bare, campaign: { ...bare.campaign, description: "" } } }),
    ).toMatchSnapshot();
  });

  it("render the confirmation, with and without answers", () => {
    const done = { cert, backHref: "/r/tok?lang=en", langHref: ownerOpts.langHref };
    expect(donePage({ ...done, lang: "en", view })).toMatchSnapshot();
    expect(donePage({ ...done, lang: "fr", view: { ...view, hosts: [host(9, {})] } })).toMatchSnapshot();
  });

  it("render a problem page, with and without a link", () => {
    expect(
      problemPage({
        lang: "de",
        cert,
        problem: (t) => t.formExpired,
        link: { href: "/r/tok?lang=de", label: (t) => t.formExpired.reload },
        langHref: ownerOpts.langHref,
      }),
    ).toMatchSnapshot();
    expect(problemPage({ lang: "en", cert, problem: (t) => t.invalid })).toMatchSnapshot();
  });
});
