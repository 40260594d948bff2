import { connectionOf } from '../graphql/connection';
import { TaskModel } from './task.type';

export const { Connection: TaskConnection, ConnectionResolver: TaskConnectionResolver } = connectionOf(TaskModel, 'Task', 'task');
