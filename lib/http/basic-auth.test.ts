import { describe, expect, it } from "vitest";
import { basicChallenge, hasBasicPassword } from "./basic-auth";

const basic = (userPass: string) => `Basic ${Buffer.from(userPass, "utf8").toString("base64")}`;

describe("hasBasicPassword", () => {
  it("accepts the password with any user name, including a password with colons and non-ASCII", () => {
    expect(hasBasicPassword(basic("legal:s3cret"), "s3cret")).toBe(true);
    expect(hasBasicPassword(basic(":a:b:ü"), "a:b:ü")).toBe(true);
  });

  it("refuses a wrong, missing or malformed one", () => {
    for (const header of [
      null,
      "",
      basic("legal:wrong"),
      basic("legal"),
      "Bearer x",
      "Basic !!!",
      `Basic ${"A".repeat(5000)}`,
    ])
      expect(hasBasicPassword(header, "s3cret"), String(header).slice(0, 30)).toBe(false);
  });

  it("asks for UTF-8 credentials in the challenge", () => {
    expect(basicChallenge('Candor "log"')).toBe('Basic realm="Candor log", charset="UTF-8"');
  });
});
