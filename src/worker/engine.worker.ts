import { expose } from 'comlink';
import { createEngine } from './createEngine';
import { installErrorTransfer } from './installErrorTransfer';

/** The engine in its own thread: the taskpane stays responsive while a million rows are segmented. */
installErrorTransfer();
expose(createEngine());
