import Link from "@/components/link";
import { RichText } from "@/components/rich-text";
import { postPath } from "@/lib/paths";
import type { QuoteCard, SynthesisPiece } from "@/lib/synthesis-cards";

/**
 * A synthesis's text (HTML from lib/markdown.ts), with each permalink alone on its line drawn as a
 * quote card: the post's author and first line, linking to it. A link to a post that is not here
 * stays the link it was.
 */
export function SynthesisText({ pieces, cards }: { pieces: SynthesisPiece[]; cards: QuoteCard[] }) {
  const byId = new Map(cards.map((c) => [c.postId, c]));
  return (
    <div className="space-y-3">
      {pieces.map((piece, i) => {
        const card = piece.kind === "card" ? byId.get(piece.postId) : undefined;
        return card ? <QuoteCardView key={i} card={card} /> : <RichText key={i} html={piece.html} />;
      })}
    </div>
  );
}

function QuoteCardView({ card }: { card: QuoteCard }) {
  return (
    <figure className="rounded-md border-l-4 border-amber-600 bg-stone-50 px-3 py-2 text-sm dark:bg-stone-900">
      {card.firstLine === null ? (
        <p className="italic text-stone-600 dark:text-stone-400">A post that has been removed.</p>
      ) : (
        <>
          <blockquote className="font-serif">
            <Link href={postPath(card.debateSlug, card.postId)} className="hover:underline">
              {card.firstLine}
            </Link>
          </blockquote>
          <figcaption className="mt-1 text-stone-600 dark:text-stone-400">
            — {card.author?.name ?? "Unknown author"}
          </figcaption>
        </>
      )}
    </figure>
  );
}
