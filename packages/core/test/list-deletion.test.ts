import { describe, expect, it } from "vitest";
import { listDeletionRefusal, type ListDeletionCampaign } from "../src/index.ts";

const plan = (campaign: Partial<ListDeletionCampaign> | null) => ({
  listId: "l",
  fileName: "scan.csv",
  exposures: 10,
  campaign: campaign && {
    id: "c",
    name: "Exchange",
    newest: false,
    otherLists: 0,
    notices: 0,
    hostsLeaving: 0,
    hostsRelinked: 0,
    hostsNamed: 0,
    ...campaign,
  },
});

describe("listDeletionRefusal", () => {
  it("lets a list without a campaign, or whose hosts no notice named, go", () => {
    expect(listDeletionRefusal(plan(null))).toBeNull();
    expect(listDeletionRefusal(plan({ newest: true, hostsLeaving: 4 }))).toBeNull();
    expect(listDeletionRefusal(plan({ hostsRelinked: 3, notices: 2, otherLists: 1 }))).toBeNull();
  });

  it("refuses when a notified host was seen in this list only", () => {
    expect(listDeletionRefusal(plan({ hostsNamed: 1, hostsLeaving: 2 }))).toBe(
      '1 host of campaign "Exchange" that notices named was seen in this list only; their notices report them from it',
    );
    expect(listDeletionRefusal(plan({ hostsNamed: 2 }))).toMatch(/^2 hosts .* were seen in this list only/);
  });

  it("refuses the newest of several lists once the campaign has sent notices, not before", () => {
    expect(listDeletionRefusal(plan({ newest: true, otherLists: 1, notices: 1 }))).toMatch(/newest list of campaign/);
    expect(listDeletionRefusal(plan({ newest: true, otherLists: 1, notices: 0 }))).toBeNull();
    expect(listDeletionRefusal(plan({ newest: true, otherLists: 0, notices: 3 }))).toBeNull();
    expect(listDeletionRefusal(plan({ newest: false, otherLists: 2, notices: 3 }))).toBeNull();
  });
});
