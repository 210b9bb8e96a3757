import { exportResponse } from "@/server/export/export-debate";

/** The whole debate as JSON, in the archive format the importer reads (server/export/). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse((await params).slug, "json");
}
