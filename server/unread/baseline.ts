import "server-only";

/**
 * Where "new" starts for a subheading a member never opened: when they joined. A newcomer does not
 * see the whole archive as new, and what was posted since they joined is. A mark (ReadMark) only
 * ever moves the line later: a post is new when it is newer than both.
 */
export function unreadBaseline(member: { createdAt: Date }): Date {
  return member.createdAt;
}
