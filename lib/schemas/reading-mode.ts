import { z } from "./zod";

export const readingModeSchema = z.object({
  mode: z.enum(["nested", "flat"], { error: "Choose nested or flat." }),
});
export type ReadingModeInput = z.infer<typeof readingModeSchema>;
