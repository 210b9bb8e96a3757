// No `import "server-only"`: loaded by Prisma's CLI through prisma.config.ts (see adapter.ts).

/** Releases the lock; calling it again does nothing. */
export type Release = () => void;

/**
 * The writer connection's owner: one transaction or one autocommit write at a time, first come
 * first served. A waiter gives up at its deadline, so a stuck holder turns into errors, not a
 * queue that grows for ever.
 */
export class Mutex {
  #held = false;
  #waiters: Array<() => void> = [];

  /** Resolves with the release once the lock is ours; rejects with `onTimeout()` at `deadline`. */
  acquire(deadline: number, onTimeout: () => Error): Promise<Release> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(this.#releaser());
      };
      const timer = setTimeout(
        () => {
          this.#waiters = this.#waiters.filter((waiter) => waiter !== grant);
          reject(onTimeout());
        },
        Math.max(0, deadline - Date.now()),
      );
      this.#waiters.push(grant);
    });
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the lock straight to the next waiter, so nobody can barge in between.
      const next = this.#waiters.shift();
      if (next) next();
      else this.#held = false;
    };
  }
}
