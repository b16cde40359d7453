export { workQueueModule } from "./module.ts";
export { visibleTo, workQueueCareTeamRule } from "./visibility.ts";
export {
  addBusinessDays,
  type NewWorkItem,
  type QueueDefinition,
  WorkQueueService,
} from "./work-queue.ts";
