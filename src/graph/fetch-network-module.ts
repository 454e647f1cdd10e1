import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

/**
 * MSAL's requests (the sign-in host's metadata, the token endpoint) through `fetch`, like every
 * Graph call. MSAL accepts only https authorities; a sign-in host on this machine over plain
 * http (the local stand-in) is given to MSAL as https and reached here over http again, which is
 * why `plainHttpOrigin` exists and why it is accepted for loopback hosts only.
 */
export function fetchNetworkModule(
  options: { plainHttpOrigin?: string; fetch?: typeof fetch } = {},
): INetworkModule {
  const doFetch = options.fetch ?? fetch;
  const secureTwin = options.plainHttpOrigin?.replace(/^http:/, "https:");
  const target = (url: string): string =>
    secureTwin && options.plainHttpOrigin && url.startsWith(`${secureTwin}/`)
      ? options.plainHttpOrigin + url.slice(secureTwin.length)
      : url;

  async function send<T>(
    method: "GET" | "POST",
    url: string,
    request: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> {
    const response = await doFetch(target(url), {
      method,
      headers: request?.headers ?? {},
      ...(method === "POST" && request?.body !== undefined ? { body: request.body } : {}),
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    let body: unknown;
    try {
      body = text === "" ? {} : JSON.parse(text);
    } catch {
      body = { error: "invalid_response", error_description: text.slice(0, 200) };
    }
    return { status: response.status, headers, body: body as T };
  }

  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>("GET", url, request),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>("POST", url, request),
  };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A plain-http URL on this machine: only a stand-in, never a real sign-in host. */
export const isLoopbackHttp = (url: URL): boolean => url.protocol === "http:" && LOOPBACK.has(url.hostname);
