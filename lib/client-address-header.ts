/** The request header server.mjs sets to the client's address (and strips from what clients send). */
export const CLIENT_ADDRESS_HEADER = "x-debate-client-address";
