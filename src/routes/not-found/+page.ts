// Sent for every unknown address: with no framework it cannot try to route the address it is shown at.
export const csr = false;
