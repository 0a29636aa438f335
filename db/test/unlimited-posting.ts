/** Posting limits that never get in a test's way (CERCLE_LIMITS); the limits have tests of their own. */
export const UNLIMITED_POSTING = {
  postIntervalSeconds: 0,
  threadIntervalSeconds: 0,
  newMemberPostIntervalSeconds: 0,
  newMemberThreadIntervalSeconds: 0,
  duplicateWindowMinutes: 0,
  threadsPerDay: 1_000_000,
  newMemberThreadsPerDay: 1_000_000,
  newMemberRepliesPerDay: 1_000_000,
  newMemberDays: 0,
  newMemberPosts: 0,
  editsPerHour: 1_000_000,
};
