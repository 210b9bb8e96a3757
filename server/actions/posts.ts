"use server";

import { postPath } from "@/lib/paths";
import { createPostSchema, editPostSchema, postIdSchema } from "@/lib/schemas/post";
import { action } from "../http/action";
import { createPost } from "../posts/create-post";
import { deletePost, editPost } from "../posts/edit-post";

export const createPostAction = action(createPostSchema, createPost, (post, input) => ({
  id: post.id,
  message: input.parentId ? "Reply posted." : "Contribution posted.",
  redirectTo: postPath(post.debateSlug, post.id),
}));

export const editPostAction = action(editPostSchema, editPost, "Your changes are saved.");

export const deletePostAction = action(postIdSchema, deletePost, "Your post is deleted.");
