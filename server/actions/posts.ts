"use server";

import { postPath } from "@/lib/paths";
import { createPostSchema, editPostSchema, postIdSchema } from "@/lib/schemas/post";
import { action } from "../http/action";
import { createPost } from "../posts/create-post";
import { deletePost, editPost } from "../posts/edit-post";

export const createPostAction = action(
  "createPostAction",
  createPostSchema,
  (actor, input) => createPost({ actor, ...input }),
  (post, input) => ({
    id: post.id,
    message: input.parentId ? "Reply posted." : "Contribution posted.",
    redirectTo: postPath(post.debateSlug, post.id),
  }),
);

export const editPostAction = action(
  "editPostAction",
  editPostSchema,
  (actor, input) => editPost({ actor, ...input }),
  (post) => ({ id: post.id, message: "Your changes are saved." }),
);

export const deletePostAction = action(
  "deletePostAction",
  postIdSchema,
  (actor, input) => deletePost({ actor, ...input }),
  (post) => ({ id: post.id, message: "Your post is deleted." }),
);
