import type { Payload } from '../mutation/run-mutation';

/** What every extension mutation answers: the request and its task, as ids (a replay loads them afresh). */
export interface ExtensionPayload extends Payload {
  extensionRequestId: number | null;
  taskId: number | null;
}
