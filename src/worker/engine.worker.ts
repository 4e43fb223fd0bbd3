import { expose } from 'comlink';
import { createEngine } from './createEngine';

/** The engine in its own thread: the taskpane stays responsive while a million rows are segmented. */
expose(createEngine());
