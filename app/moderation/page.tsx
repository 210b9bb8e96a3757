import type { Metadata } from "next";
import { LogView } from "./_components/log-view";

export const metadata: Metadata = { title: "Moderation log" };

export default function ModerationLogPage() {
  return <LogView before={null} />;
}
