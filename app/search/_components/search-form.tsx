import { Field, buttonClass, inputClass } from "@/components/field";
import { searchPath } from "@/lib/paths";
import type { SearchPage } from "@/lib/views";

export type SearchFormValues = {
  q: string;
  debate: string;
  subheading: string;
  author: string;
  from: string;
  to: string;
};

/**
 * The search form: a plain GET form (no JavaScript needed), every field labelled. The subheading
 * list is that of the debate chosen: after choosing another debate, search again to pick one of its
 * subheadings (a subheading left over from the other debate is ignored).
 */
export function SearchForm({
  values,
  debates,
  scope,
}: {
  values: SearchFormValues;
  debates: { slug: string; title: string }[];
  scope: SearchPage["scope"];
}) {
  return (
    <form role="search" aria-label="Search posts" action={searchPath()} method="get" className="mt-4 space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field
            id="search-q"
            label="Words to find"
            hint='Posts containing every word. "Quote a phrase"; -word leaves a word out.'
          >
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={values.q}
              maxLength={200}
              aria-describedby="search-q-hint"
              className={inputClass}
            />
          </Field>
        </div>
        <button type="submit" className={`${buttonClass} sm:mb-[1.625rem]`}>
          Search
        </button>
      </div>
      <fieldset className="rounded-md border border-stone-200 p-3 dark:border-stone-800">
        <legend className="px-1 text-sm font-medium">Narrow it down</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="search-debate" label="Debate">
            <select id="search-debate" name="debate" defaultValue={scope.debate?.slug ?? ""} className={inputClass}>
              <option value="">All debates</option>
              {debates.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {d.title}
                </option>
              ))}
            </select>
          </Field>
          {scope.debate && scope.debate.subheadings.length > 0 && (
            <Field id="search-subheading" label="Subheading">
              <select
                id="search-subheading"
                name="subheading"
                defaultValue={scope.subheading?.slug ?? ""}
                className={inputClass}
              >
                <option value="">The whole debate</option>
                {scope.debate.subheadings.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.title}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id="search-author" label="Author" hint="Their handle, as in @handle.">
            <input
              id="search-author"
              name="author"
              type="text"
              defaultValue={values.author}
              maxLength={64}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-describedby="search-author-hint"
              className={inputClass}
            />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="search-from" label="From">
              <input id="search-from" name="from" type="date" defaultValue={values.from} className={inputClass} />
            </Field>
            <Field id="search-to" label="To">
              <input id="search-to" name="to" type="date" defaultValue={values.to} className={inputClass} />
            </Field>
          </div>
        </div>
        <p className="mt-2 text-xs text-stone-500 dark:text-stone-400">
          Dates are whole days (UTC), both included; posts whose date the archive did not keep are left out.
        </p>
      </fieldset>
    </form>
  );
}
