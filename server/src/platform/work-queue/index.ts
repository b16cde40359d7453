export { workQueueModule } from "./module.ts";
export {
  addBusinessDays,
  type NewWorkItem,
  type QueueDefinition,
  visibleTo,
  WorkQueueService,
  workQueueCareTeamRule,
} from "./work-queue.ts";
