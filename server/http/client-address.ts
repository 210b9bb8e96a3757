import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address-header";

/**
 * The address of the client that sent this request, as our server (server.mjs) worked it out from
 * the socket and TRUST_PROXY. Any value a client sends under this header name is overwritten
 * there, so it can be keyed on. Null only when the app runs without server.mjs (unit tests).
 */
export function clientAddressOf(source: Headers | Record<string, string | string[] | undefined> | undefined) {
  if (!source) return null;
  const value = source instanceof Headers ? source.get(CLIENT_ADDRESS_HEADER) : source[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  return address ? address : null;
}

/** The client address of the current request (see clientAddressOf). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressOf(await headers());
}
