import { z } from "./zod";

export const postSortSchema = z.object({
  sort: z.enum(["oldest", "newest", "replies"], { error: "Choose one of the orders." }),
});
export type PostSortInput = z.infer<typeof postSortSchema>;
