// The TLS material of a kubeconfig context, read once: from the file when one is named, else the inline
// base64 data (as client-go). A file that cannot be read (a directory, a device that never ends) is this
// context's one-line error, not a crash.
import { fileErrorText, readTextBounded } from '../read-bounded.js';
import { KubeError } from './errors.js';
import type { ContextConfig } from './kubeconfig.js';

/** Certificates and keys are a few KiB; a file past this is not one. */
const PEM_MAX_BYTES = 1024 * 1024;

export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
}

export function readTlsMaterial(context: string, { cluster, user }: ContextConfig): TlsMaterial {
  const pem = (field: string, file?: string, data?: string): string | undefined => {
    if (file) {
      try {
        return readTextBounded(file, PEM_MAX_BYTES);
      } catch (e) {
        throw new KubeError('Invalid', context, `kubeconfig: ${field} ${file}: ${fileErrorText(e)}`);
      }
    }
    return data ? Buffer.from(data, 'base64').toString() : undefined;
  };
  return {
    ca: pem('certificate-authority', cluster.caFile, cluster.caData),
    cert: pem('client-certificate', user?.certFile, user?.certData),
    key: pem('client-key', user?.keyFile, user?.keyData),
  };
}
