// What the sign-in page says for next-auth's error codes (its `?error=` parameter). Anything else
// in that parameter is shown as nothing: a link must not be able to put words of its own on our
// sign-in page ("Your account is compromised, call …").

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  OAuthSignin: "Signing in with GitHub could not start. Please try again.",
  OAuthCallback: "GitHub did not complete the sign-in. Please try again.",
  OAuthCreateAccount: "An account could not be made from your GitHub sign-in.",
  Callback: "The sign-in could not be completed. Please try again.",
  OAuthAccountNotLinked: "That email already belongs to an account here: sign in with its password.",
  AccessDenied: "Signing in was refused.",
  SessionRequired: "Please sign in to continue.",
  Configuration: "Signing in is not available right now.",
  Verification: "That sign-in link is no longer valid.",
  Default: "The sign-in could not be completed. Please try again.",
};

/** The message for a code next-auth puts in the sign-in URL, or null for anything unknown. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  return code && Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : null;
}
