/** Words shared by several views. */
export const common = {
  "list.more": (p: { count: number }) => `…and ${p.count} more`,
} as const;
