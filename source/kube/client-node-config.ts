// client-node's KubeConfig alone, re-exported so the bundler keeps only what it needs: a dynamic
// import of the package itself would keep all of its exports (16 MB of generated API classes).
export { KubeConfig } from '@kubernetes/client-node';
