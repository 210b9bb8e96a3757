import { RESERVED_SUBHEADING_SLUGS } from "./paths";

/** "The role of the commons" → "the-role-of-the-commons". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || "untitled";
}

export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 80;
}

export function isValidSubheadingSlug(slug: string): boolean {
  return isValidSlug(slug) && !(RESERVED_SUBHEADING_SLUGS as readonly string[]).includes(slug);
}
