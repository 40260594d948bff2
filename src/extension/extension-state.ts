/** Where a 延期申请 stands (ExtensionRequest.state); the transitions are EXTENSION_MACHINE's. */
export enum ExtensionState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}
