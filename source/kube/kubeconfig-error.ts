// The kubeconfig error type on its own, so error handling can check for it without loading
// @kubernetes/client-node (a large module) in processes that never read a kubeconfig.
import { InputError } from '../errors.js';

export class KubeconfigError extends InputError {}
