import { describe, expect, it } from "vitest";
import { parseLink } from "../src/components/campaign-form.tsx";

describe("advice links typed in the campaign form", () => {
  it("reads 'label | url' and a bare URL", () => {
    expect(parseLink("Microsoft: security updates | https://msrc.microsoft.com/blog/2021/03/x/")).toEqual({
      label: "Microsoft: security updates",
      url: "https://msrc.microsoft.com/blog/2021/03/x/",
    });
    expect(parseLink("https://cert.baken.example/")).toEqual({
      label: "cert.baken.example",
      url: "https://cert.baken.example/",
    });
    expect(parseLink("https://github.com/microsoft/CSS-Exchange")).toEqual({
      label: "github.com/microsoft/CSS-Exchange",
      url: "https://github.com/microsoft/CSS-Exchange",
    });
  });
});
