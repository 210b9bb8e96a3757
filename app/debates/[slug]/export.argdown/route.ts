import { exportResponse } from "@/server/export/export-debate";

/** The whole debate as Argdown (statements, arguments and their relations) (server/export/). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse((await params).slug, "argdown");
}
