"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { initialActionState, unreachable, type ActionState } from "@/lib/action-state";
import { useHydrated } from "../use-hydrated";

type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * The synthesis forms' shared behaviour: submitted by hand (React's own form action resets the
 * fields, refused or not, and a refusal must keep what was typed), a refresh on success, and focus
 * moved to what the answer says: the first field in error, else the form's message.
 */
export function useSynthesisForm(action: ServerAction, onSuccess?: () => void) {
  const router = useRouter();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [state, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await action(prev, form).catch(unreachable);
    if (result.ok) {
      onSuccess?.();
      router.refresh();
    }
    return result;
  }, initialActionState);
  useEffect(() => {
    if (state === initialActionState) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? messageRef.current)?.focus();
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(form));
  };
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return { state, errors, pending, ready: hydrated && !pending, onSubmit, formRef, messageRef };
}
