type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Chrome on Windows" from a user-agent string, in plain words. */
export function describeDevice(userAgent: string | null, t: Translate): string {
  if (!userAgent) return t("security.unknownDevice");
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrom(e|ium)\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : null;
  const system = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /CrOS/.test(ua)
            ? "ChromeOS"
            : /Linux/.test(ua)
              ? "Linux"
              : null;
  if (browser && system) return t("security.device", { browser, system });
  return browser ?? system ?? t("security.unknownDevice");
}
