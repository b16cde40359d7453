-- Jobs that failed permanently, counted by /api/ready (failedJobs, failedEmails) on every probe.
CREATE INDEX jobs_failed_idx ON jobs (queue) WHERE status = 'failed';
